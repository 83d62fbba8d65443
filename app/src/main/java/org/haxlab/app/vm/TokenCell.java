package org.haxlab.app.vm;

import org.haxlab.model.task.TokenRole;

/**
 * One position of a parsed sequence as the token strip shows it.
 *
 * @param position 0-based model position (BOS = 0)
 * @param text     the token as the text form writes it ({@code ?} for a teacher-forced answer)
 * @param role     what the token is for, for colouring
 */
public record TokenCell(int position, String text, TokenRole role) {
}
