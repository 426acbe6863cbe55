"""Shared by the lesson fact tests: the shipped lessons by key, the state after a step's
set-up, a quantity's value, and PyTorch's slope as the reference."""

import numpy as np
import torch

from actplay import resources
from actplay.model import lesson_actions, lesson_quantities, lessons
from actplay.model.playground import Playground

GRID = np.linspace(-8, 8, 1601)
KEYS = [lessons.lesson_key(path) for path in resources.lesson_files()]


def lesson(key: str) -> lessons.Lesson:
    return lessons.load(resources.lesson_files()[KEYS.index(key)])


def after_setup(key: str, step: int) -> Playground:
    """A fresh Playground after the set-up of step ``step`` (from 1) of lesson ``key``."""
    playground = Playground()
    lesson_actions.apply_actions(playground, lesson(key).steps[step - 1].setup)
    return playground


def read(playground, name):
    return lesson_quantities.read(playground, lesson_quantities.parse(name))


def torch_slope(function, x):
    points = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    function(points).sum().backward()
    return points.grad.numpy()
