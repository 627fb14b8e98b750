# Java ports built by Maven offline, every byte from distfiles:
# MODULES += devel/maven, as Go ports use lang/go and Rust ports devel/cargo.
#
# The port lists each file of its offline build as a distfile of its own, in
# maven.inc (included from its Makefile; portkit writes it from the port's
# lock, which pins the files and the Maven arguments they were resolved for):
#	SITES.central =		https://repo.maven.apache.org/maven2/
#	DISTFILES.central +=	maven/GROUP/PATH/ARTIFACT-VERSION.jar{GROUP/PATH/...}
# with one SITES.x per Maven repository.  Metadata Maven needs offline for
# version ranges and plugin prefixes, derived from the lock, is in
# ${FILESDIR}/m2.  A port may instead fetch the whole closure as one archive
# holding m2/, listed in EXTRACT_ONLY: MODMAVEN_REPO is then what it unpacks.
#
# Variables:
#	MODMAVEN_ARGS	what mvn is given (the lock's arguments)
#	MODMAVEN_REPO	the local repository do-build lays out and mvn uses
#	MODMAVEN_FILES	the repository paths of the maven/ distfiles
#	MODMAVEN_PORTKIT	a portkit checkout holding specs/${PKGPATH}, for
#			'make modmaven-gen-inc'
#
# Targets:
#	do-build	unless the port has its own: lay the distfiles out as
#			MODMAVEN_REPO, then mvn --offline ${MODMAVEN_ARGS}
#	modmaven-gen-inc	re-resolve and lock the closure with portkit
#			(network needed) and copy the new maven.inc and
#			files/m2 here; then run 'make makesum'

MODMAVEN_BUILD_DEPENDS ?=	devel/maven
BUILD_DEPENDS +=	${MODMAVEN_BUILD_DEPENDS}

MODMAVEN_ARGS ?=	-DskipTests package
MODMAVEN_REPO ?=	${WRKDIR}/m2
MODMAVEN_PORTKIT ?=

MODMAVEN_FILES =
.for _v in ${.VARIABLES:MDISTFILES.*}
MODMAVEN_FILES +=	${${_v}:Mmaven/*:C/\{.*\}//:S/^maven\///}
.endfor

# With no maven/ distfiles (a closure archive), MODMAVEN_REPO is what unpacked.
.if !empty(MODMAVEN_FILES)
_MODMAVEN_LAYOUT = \
	rm -rf ${MODMAVEN_REPO} && mkdir -p ${MODMAVEN_REPO} && \
	cd ${FULLDISTDIR}/maven && pax -rw ${MODMAVEN_FILES} ${MODMAVEN_REPO} && \
	if [ -d ${FILESDIR}/m2 ]; then \
		cd ${FILESDIR}/m2 && pax -rw . ${MODMAVEN_REPO}; \
	fi &&
.else
_MODMAVEN_LAYOUT =
.endif
MODMAVEN_BUILD_TARGET = ${_MODMAVEN_LAYOUT} \
	cd ${WRKSRC} && ${SETENV} ${MAKE_ENV} ${LOCALBASE}/bin/mvn --offline -B \
		-Dmaven.repo.local=${MODMAVEN_REPO} ${MODMAVEN_ARGS}

.if !target(do-build)
do-build:
	${MODMAVEN_BUILD_TARGET}
.endif

modmaven-gen-inc:
.if empty(MODMAVEN_PORTKIT)
	@echo "Set MODMAVEN_PORTKIT to a portkit checkout holding specs/${PKGPATH}"; \
	exit 1
.else
	cd ${MODMAVEN_PORTKIT} && ./portkit lock specs/${PKGPATH}
	cp ${MODMAVEN_PORTKIT}/ports/${PKGPATH}/maven.inc ${.CURDIR}/maven.inc
	rm -rf ${FILESDIR}/m2
	if [ -d ${MODMAVEN_PORTKIT}/ports/${PKGPATH}/files/m2 ]; then \
		cp -R ${MODMAVEN_PORTKIT}/ports/${PKGPATH}/files/m2 ${FILESDIR}/m2; \
	fi
.endif
