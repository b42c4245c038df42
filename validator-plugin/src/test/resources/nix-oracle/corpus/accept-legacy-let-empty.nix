let { }
