#!/bin/ksh
# Starts jicofo. Settings may be overridden in ${SYSCONFDIR}/jicofo/jicofo.in.sh.

CONFIG_FILE=${SYSCONFDIR}/jicofo/jicofo.conf
JAVA_MAXMEM=1G
JAVA_OPTS=
TRUSTSTORE=
TRUSTSTORE_PASSWORD=

[ -r ${SYSCONFDIR}/jicofo/jicofo.in.sh ] && . ${SYSCONFDIR}/jicofo/jicofo.in.sh

set -- -Xmx${JAVA_MAXMEM} -Dconfig.file=${CONFIG_FILE} ${JAVA_OPTS}
if [ -n "${TRUSTSTORE}" ]; then
	set -- "$@" -Djavax.net.ssl.trustStore=${TRUSTSTORE} \
	    -Djavax.net.ssl.trustStorePassword=${TRUSTSTORE_PASSWORD}
fi

exec $(${LOCALBASE}/bin/javaPathHelper -c jicofo) "$@" \
	-cp ${TRUEPREFIX}/share/java/classes/jicofo.jar org.jitsi.jicofo.Main
