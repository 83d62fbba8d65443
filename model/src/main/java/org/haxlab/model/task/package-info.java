/**
 * The synthetic task of spec §1: multi-query joint recall and its variants.
 *
 * <ul>
 *   <li>{@link org.haxlab.model.task.Vocabulary}, {@link org.haxlab.model.task.TokenRole}: token ids, names, roles;</li>
 *   <li>{@link org.haxlab.model.task.TaskConfig}, {@link org.haxlab.model.task.Variant},
 *       {@link org.haxlab.model.task.Layout}: what to generate and how long it is;</li>
 *   <li>{@link org.haxlab.model.task.JointRecallTask} (MQJR, single-query, multi-level),
 *       {@link org.haxlab.model.task.MqarTask}, {@link org.haxlab.model.task.TaskSampler}: generators;</li>
 *   <li>{@link org.haxlab.model.task.DatasetBuilder}, {@link org.haxlab.model.task.Dataset}: grids with disjoint splits;</li>
 *   <li>{@link org.haxlab.model.task.SequenceText}: the text and id forms, parsing with located errors,
 *       {@link org.haxlab.model.task.AnswerTable} ground truth;</li>
 *   <li>{@link org.haxlab.model.task.Batch}: padded DJL arrays for training.</li>
 * </ul>
 */
package org.haxlab.model.task;
