assert assert true; true; 1
