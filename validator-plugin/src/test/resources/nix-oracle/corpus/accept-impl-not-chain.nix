let a = true; b = true; c = true; in a -> !b -> c
