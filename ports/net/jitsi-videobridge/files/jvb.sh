#!/bin/ksh
# Starts jvb. Settings may be overridden in ${SYSCONFDIR}/jvb/jvb.in.sh.

CONFIG_FILE=${SYSCONFDIR}/jvb/jvb.conf
JAVA_MAXMEM=1G
JAVA_OPTS=
TRUSTSTORE=
TRUSTSTORE_PASSWORD=

[ -r ${SYSCONFDIR}/jvb/jvb.in.sh ] && . ${SYSCONFDIR}/jvb/jvb.in.sh

set -- -Xmx${JAVA_MAXMEM} -Dconfig.file=${CONFIG_FILE} ${JAVA_OPTS}
if [ -n "${TRUSTSTORE}" ]; then
	set -- "$@" -Djavax.net.ssl.trustStore=${TRUSTSTORE} \
	    -Djavax.net.ssl.trustStorePassword=${TRUSTSTORE_PASSWORD}
fi

exec $(${LOCALBASE}/bin/javaPathHelper -c jvb) "$@" \
	-cp ${TRUEPREFIX}/share/java/classes/jvb.jar org.jitsi.videobridge.MainKt
