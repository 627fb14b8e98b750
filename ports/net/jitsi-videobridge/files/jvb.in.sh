# Read by ${TRUEPREFIX}/bin/jvb before it starts java: uncomment what you
# change.
#CONFIG_FILE=${SYSCONFDIR}/jvb/jvb.conf
#JAVA_MAXMEM=1G
# Another installed JDK than the one the package came with (17 or 21):
#JAVA_HOME=${LOCALBASE}/jdk-21
# More options for java, after those it has by default:
#JAVA_OPTS="${JAVA_OPTS} -XX:+UseG1GC"
#TRUSTSTORE=${SYSCONFDIR}/ssl/jvb.store
#TRUSTSTORE_PASSWORD=
