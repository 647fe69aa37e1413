"""Generator of the Gereedschapskist site: instrument definitions (YAML) to pages."""
