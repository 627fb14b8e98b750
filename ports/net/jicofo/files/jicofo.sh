#!/bin/ksh
# Starts jicofo as rc.d(8) does; its arguments ("rcctl set jicofo flags ...")
# go on to the daemon. Settings: ${SYSCONFDIR}/jicofo/jicofo.in.sh.

CONFIG_FILE=${SYSCONFDIR}/jicofo/jicofo.conf
JAVA_MAXMEM=1G
JAVA_OPTS="-Djava.util.logging.config.file=${SYSCONFDIR}/jicofo/logging.properties"
TRUSTSTORE=
TRUSTSTORE_PASSWORD=

[ -r ${SYSCONFDIR}/jicofo/jicofo.in.sh ] && . ${SYSCONFDIR}/jicofo/jicofo.in.sh

# javaPathHelper takes JAVA_HOME if set, else the JDK that the package was
# installed with: it looks the package's dependencies up by its stem.
[ -n "${JAVA_HOME}" ] && export JAVA_HOME
JAVA=$(${LOCALBASE}/bin/javaPathHelper -c jicofo) || exit 1
if [ -n "${TRUSTSTORE}" ]; then
	JAVA_OPTS="${JAVA_OPTS} -Djavax.net.ssl.trustStore=${TRUSTSTORE}"
	JAVA_OPTS="${JAVA_OPTS} -Djavax.net.ssl.trustStorePassword=${TRUSTSTORE_PASSWORD}"
fi

exec ${JAVA} -Xmx${JAVA_MAXMEM} -Dconfig.file=${CONFIG_FILE} ${JAVA_OPTS} \
	-cp ${TRUEPREFIX}/share/java/classes/jicofo.jar org.jitsi.jicofo.Main "$@"
