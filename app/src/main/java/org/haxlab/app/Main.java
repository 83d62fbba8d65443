package org.haxlab.app;
public final class Main { public static void main(String[] a) { System.out.println("hax"); } }
