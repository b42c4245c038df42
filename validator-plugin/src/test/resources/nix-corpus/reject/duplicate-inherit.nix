{ inherit true true; }
