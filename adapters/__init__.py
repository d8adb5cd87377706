"""Everything that touches the world: database, HTTP clients, channels, the command line."""
