"""Reading a plan: YAML with positions, the plan's files and includes, schema errors at
their place."""
