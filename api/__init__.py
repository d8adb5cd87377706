"""The HTTP API: routers, request and response schemas, and the mapping of errors to problem+json."""
