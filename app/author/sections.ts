// The "Sections to confirm" select's value for "no particular section", shared by the page and the server.
export const WHOLE_ARTICLE = "whole-article";
