// The marker a moderator's cut leaves in a post's text.
export const EDIT_MARKER = "[EDITED FOR LENGTH]";
