let x = "in"; in "out ${"mid ${x} mid"} out"
