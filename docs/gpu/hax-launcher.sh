#!/usr/bin/env bash
# HAX Lab on the staged CUDA libtorch (docs/GPU.md): the jlink JRE in ~/jre, the app jars without CPU natives in ~/jars
export PYTORCH_LIBRARY_PATH=$HOME/libtorch PYTORCH_VERSION=2.5.1 PYTORCH_FLAVOR=cu124 LD_LIBRARY_PATH=$HOME/libtorch
exec $HOME/jre/bin/java -Dai.djl.offline=true -Djna.library.path=$HOME/libtorch -cp "$HOME/jars/*" ${HAX_JAVA_OPTS:-} org.haxlab.app.Main "$@"
