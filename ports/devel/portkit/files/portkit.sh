#!/bin/sh
# Runs portkit on the JDK its package depends on (MODJAVA_VER 17+).

exec "$(${LOCALBASE}/bin/javaPathHelper -c portkit)" \
	-cp ${TRUEPREFIX}/share/java/classes/portkit.jar org.portkit.cli.Main "$@"
