let inherit ({ a = 1; a = 2; }); in 1
