if if true then true else false then 1 else 2
