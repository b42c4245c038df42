true -> false -> true
