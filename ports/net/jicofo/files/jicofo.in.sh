# Read by ${TRUEPREFIX}/bin/jicofo before it starts java.
#CONFIG_FILE=${SYSCONFDIR}/jicofo/jicofo.conf
#JAVA_MAXMEM=1G
#JAVA_OPTS="-Djava.util.logging.config.file=${SYSCONFDIR}/jicofo/logging.properties"
#TRUSTSTORE=${SYSCONFDIR}/ssl/jicofo.store
#TRUSTSTORE_PASSWORD=
