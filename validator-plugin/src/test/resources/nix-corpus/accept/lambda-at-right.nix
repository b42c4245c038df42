{ a }@args: [ a args ]
