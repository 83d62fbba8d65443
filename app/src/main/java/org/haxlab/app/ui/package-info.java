/**
 * The JavaFX views, built in code: {@link org.haxlab.app.ui.HaxLabApp} (the application),
 * {@link org.haxlab.app.ui.MainWindow} (menus and model bar on top, sequence panel on the left, the
 * inspection tabs in the centre, training side panel on the right, status bar below), one class per
 * tab (selected keys, hash buckets, state decay, sparsity, capacity, compare; the diagnosis pane), the
 * menus and their exports, the first-start splash and the engine start-up flow. Views only draw what
 * the view models hold; views that have nothing to show yet say how to get something to show.
 */
package org.haxlab.app.ui;
