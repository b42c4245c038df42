with {} 1
