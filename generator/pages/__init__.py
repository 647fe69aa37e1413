"""Step 2 of the pipeline: the models rendered into the pages of the site (Markdown with HTML,
for MkDocs) and the stylesheets they link."""
