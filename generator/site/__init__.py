"""Step 3 of the pipeline: the pages made into the site: the MkDocs plugin, the build written
whole, the security policy, the client code minified, and the blank PDFs printed."""
