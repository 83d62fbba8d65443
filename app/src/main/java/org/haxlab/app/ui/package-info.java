/**
 * The JavaFX views, built in code: {@link org.haxlab.app.ui.HaxLabApp} (the application),
 * {@link org.haxlab.app.ui.MainWindow} (model bar on top, sequence panel on the left, tabbed views in
 * the centre, training side panel on the right, status bar below), the first-start splash and the
 * engine start-up flow. Views that have nothing to show yet say how to get something to show.
 */
package org.haxlab.app.ui;
