{ a, ... } @ args: [ args a ]
