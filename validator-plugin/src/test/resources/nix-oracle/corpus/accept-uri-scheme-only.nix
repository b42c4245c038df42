http://
