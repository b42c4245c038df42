{ inherit true; true.b = 1; }
