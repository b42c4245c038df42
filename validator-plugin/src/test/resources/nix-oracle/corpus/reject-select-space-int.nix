let a = {}; in a. 1
