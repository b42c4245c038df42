let x = "b"; in [ ./a/${x} /etc/${x}.conf a/${x} ]
