{ x = "café"; }
