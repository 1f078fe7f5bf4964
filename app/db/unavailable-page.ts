// The page a reader gets when the database cannot serve the request
// (entry.server.tsx answers it 503 with Retry-After). It stands alone, with
// its own small stylesheet and no script: the app's layout needs the
// database too. It says what happened, that nothing already saved is lost,
// and, for someone who was sending a post, that it was not saved and how to
// send it again without typing it twice.
export function unavailablePage(sending: boolean): string {
  const what = sending
    ? `<p><strong>What you just sent was not saved.</strong> Go back (your browser keeps the text in the form) and send it again in a minute or two.</p>`
    : `<p>Please try again in a minute or two; the page will be here.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Back in a moment · Afterword</title>
<link rel="stylesheet" href="/unavailable.css">
</head>
<body>
<main>
<p class="status">503</p>
<h1>We can’t reach our database just now</h1>
<p>Afterword is running, but the database that keeps the questions and answers is not answering. Nothing that was already saved is lost.</p>
${what}
<p><a href="/">Back to all articles</a></p>
</main>
</body>
</html>
`;
}
