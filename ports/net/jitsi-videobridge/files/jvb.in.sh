# Read by ${TRUEPREFIX}/bin/jvb before it starts java.
#CONFIG_FILE=${SYSCONFDIR}/jvb/jvb.conf
#JAVA_MAXMEM=1G
#JAVA_OPTS="-Djava.util.logging.config.file=${SYSCONFDIR}/jvb/logging.properties"
#TRUSTSTORE=${SYSCONFDIR}/ssl/jvb.store
#TRUSTSTORE_PASSWORD=
