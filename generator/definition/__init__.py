"""Step 1 of the pipeline: a YAML definition read, checked and turned into typed models."""
