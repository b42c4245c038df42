(with { }; a) + b
