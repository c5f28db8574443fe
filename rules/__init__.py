"""Built-in terms: one YAML file per publisher or licence (data, not code)."""
