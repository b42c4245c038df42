with builtins; assert true; if true then map else abort "no"
