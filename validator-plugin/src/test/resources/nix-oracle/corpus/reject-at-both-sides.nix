x@{ a }@y: a
