#!/bin/ksh
# Starts jvb as rc.d(8) does; its arguments ("rcctl set jvb flags ...")
# go on to the daemon. Settings: ${SYSCONFDIR}/jvb/jvb.in.sh.

CONFIG_FILE=${SYSCONFDIR}/jvb/jvb.conf
JAVA_MAXMEM=1G
JAVA_OPTS="-Djava.util.logging.config.file=${SYSCONFDIR}/jvb/logging.properties"
TRUSTSTORE=
TRUSTSTORE_PASSWORD=

[ -r ${SYSCONFDIR}/jvb/jvb.in.sh ] && . ${SYSCONFDIR}/jvb/jvb.in.sh

# javaPathHelper takes JAVA_HOME if set, else the JDK that the package was
# installed with: it looks the package's dependencies up by its stem.
[ -n "${JAVA_HOME}" ] && export JAVA_HOME
JAVA=$(${LOCALBASE}/bin/javaPathHelper -c jitsi-videobridge) || exit 1
if [ -n "${TRUSTSTORE}" ]; then
	JAVA_OPTS="${JAVA_OPTS} -Djavax.net.ssl.trustStore=${TRUSTSTORE}"
	JAVA_OPTS="${JAVA_OPTS} -Djavax.net.ssl.trustStorePassword=${TRUSTSTORE_PASSWORD}"
fi

exec ${JAVA} -Xmx${JAVA_MAXMEM} -Dconfig.file=${CONFIG_FILE} ${JAVA_OPTS} \
	-cp ${TRUEPREFIX}/share/java/classes/jvb.jar org.jitsi.videobridge.MainKt "$@"
