{ inherit nothing; }
