x: x or
