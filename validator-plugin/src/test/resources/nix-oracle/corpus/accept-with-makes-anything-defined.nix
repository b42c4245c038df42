with builtins; with { }; [ length anything reallyAnything ]
