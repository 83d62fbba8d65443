/**
 * The window's state and commands without a Stage ({@link org.haxlab.app.vm.main.MainViewModel}): which
 * view is open, the lesson, and which model the views show and where it came from. A package of its
 * own because it ties scenarios, the zoo and the view models together, which themselves stay free of it.
 */
package org.haxlab.app.vm.main;
