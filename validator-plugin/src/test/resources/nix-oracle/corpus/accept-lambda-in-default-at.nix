{ f ? (x: x) }@s: f s
