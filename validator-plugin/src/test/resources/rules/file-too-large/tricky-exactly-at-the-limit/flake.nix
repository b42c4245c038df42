{ outputs = { self }: { }; }
                                                                                                                                                                          
