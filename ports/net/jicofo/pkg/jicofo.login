jicofo:\
	:openfiles-cur=65000:\
	:openfiles-max=65000:\
	:tc=daemon:
