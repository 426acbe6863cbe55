"""Help text for each built-in activation: what it is, where it is used, strengths, traps.

Written for the app's help panel; plain sentences, no markup.
"""

DESCRIPTIONS: dict[str, str] = {
    # -- classic -------------------------------------------------------------------------
    "identity": (
        "Passes its input through unchanged. It is the usual output activation for "
        "regression, where the target can be any real number. Stacking layers that all use "
        "it gains nothing: the whole network collapses to one linear map."
    ),
    "binary_step": (
        "Outputs 1 when the input is positive and 0 otherwise: the historical perceptron, "
        "which fires only when the weighted sum passes its threshold. Handy for logic gates "
        "and for seeing how a neuron splits the input space. Its slope is 0 everywhere it "
        "exists, so gradient descent cannot train it."
    ),
    "sigmoid": (
        "The logistic curve squashes any input into (0, 1), so it reads as a probability. "
        "Today it mostly lives in output layers for binary or multi-label classification and "
        "inside LSTM and GRU gates. In hidden layers it saturates: beyond |x| of about 5 the "
        "slope is nearly 0 (vanishing gradients), its outputs are not zero-centred, and the "
        "largest slope is only 0.25."
    ),
    "tanh": (
        "The hyperbolic tangent maps inputs into (-1, 1) and is zero-centred, which makes it "
        "train better than the sigmoid in hidden layers. It is the classic choice for recurrent "
        "networks and small MLPs. Like the sigmoid it saturates for large |x|, so deep stacks "
        "of it suffer from vanishing gradients."
    ),
    "softsign": (
        "x / (1 + |x|): an S-curve like tanh with the same (-1, 1) range, but it approaches "
        "its limits polynomially instead of exponentially. Saturation therefore sets in more "
        "gently and it is cheap (no exponential). It is rarely used in practice, and its "
        "second derivative jumps at 0."
    ),
    # -- ReLU family ---------------------------------------------------------------------
    "relu": (
        "The rectified linear unit keeps positive inputs and zeroes negative ones. It is the "
        "default for hidden layers of deep networks: cheap, and its slope of 1 does not shrink "
        "gradients. Units whose input stays negative output 0 with slope 0 and stop learning "
        "(dying ReLU); outputs are not zero-centred."
    ),
    "relu6": (
        "ReLU capped at 6. The cap keeps activations small enough for low-precision "
        "arithmetic, which is why MobileNet-style networks for phones use it. It can die like "
        "ReLU and also saturates above 6, where the slope is 0."
    ),
    "leaky_relu": (
        "ReLU with a small slope (negative_slope, 0.01 by default) for negative inputs, so a "
        "unit never goes completely silent. A common drop-in fix for dying ReLUs in hidden "
        "layers, for example in GAN discriminators. The slope is one more hyperparameter, and "
        "with a tiny slope negative units still learn very slowly."
    ),
    "prelu": (
        "Parametric ReLU: like leaky ReLU, but the negative-side slope (weight) is learned "
        "during training, per layer or per channel. It helped very deep image networks. The "
        "extra parameters can overfit small data sets; here the weight is a slider."
    ),
    "rrelu": (
        "Randomised leaky ReLU: while training, each negative input gets a random slope "
        "between lower and upper, a kind of regularisation. At evaluation time (shown here) "
        "the slope is fixed at the mean (lower + upper) / 2. Results depend on the mode, "
        "which is easy to forget."
    ),
    "elu": (
        "The exponential linear unit is the identity for positive inputs and alpha * (e^x - 1) "
        "for negative ones, so it smoothly saturates at -alpha. Negative outputs push mean "
        "activations towards 0, which can speed up learning in hidden layers. It costs an "
        "exponential, and its slope jumps at 0 unless alpha is 1."
    ),
    "celu": (
        "Continuously differentiable ELU: alpha * (e^(x/alpha) - 1) on the negative side, "
        "scaled so the slope is 1 at 0 for every alpha. Use it where ELU's kink for alpha "
        "other than 1 matters. Alpha must not be 0, and the second derivative still jumps at 0."
    ),
    "selu": (
        "Scaled ELU with two fixed constants chosen so that, with LeCun-normal weights, "
        "activations keep mean 0 and variance 1 through many layers (self-normalising "
        "networks). It suits deep fully connected networks without batch normalisation. The "
        "guarantee breaks with other initialisations, dropout kinds or skip connections."
    ),
    # -- smooth modern -------------------------------------------------------------------
    "gelu": (
        "The Gaussian error linear unit weights each input by the probability that a standard "
        "normal variable is below it: x * Phi(x). It is the standard hidden activation in "
        "Transformers such as BERT and GPT. Smooth and slightly non-monotonic (a small dip "
        "near x = -0.75); it costs more than ReLU."
    ),
    "gelu_tanh": (
        "The tanh approximation of GELU, 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), "
        "used by GPT-2 and other models trained with it. It differs from exact GELU by less "
        "than 1e-3. Swapping one for the other in a trained model changes its outputs slightly."
    ),
    "silu": (
        "The sigmoid linear unit x * sigmoid(x), also called swish-1. Common in modern "
        "convolutional nets (EfficientNet) and as the gate in SwiGLU Transformer blocks. It is "
        "smooth, unbounded above and bounded below, with a small negative dip near x = -1.28; "
        "slightly more costly than ReLU."
    ),
    "swish": (
        "x * sigmoid(beta * x), found by automated search. beta = 1 gives SiLU, beta = 0 a "
        "straight line x / 2, and large beta approaches ReLU, so the slider morphs between "
        "them. Not monotonic; beta may be learned per channel, one more thing to tune."
    ),
    "mish": (
        "x * tanh(softplus(x)): smooth, non-monotonic and unbounded above, similar in shape to "
        "SiLU. Used in some object detectors such as YOLOv4. Costs several transcendental "
        "functions per value, and it gains little over SiLU in many models."
    ),
    "softplus": (
        "log(1 + e^(beta x)) / beta, a smooth version of ReLU whose output is always positive. "
        "Used where a value must stay positive, such as a predicted variance or rate. Like "
        "PyTorch, it switches to the line x once beta x exceeds threshold, for speed and "
        "overflow safety, leaving a tiny step there; it saturates for negative inputs."
    ),
    # -- hard / piecewise ----------------------------------------------------------------
    "hardsigmoid": (
        "A piecewise-linear sigmoid: 0 below -3, 1 above 3 and x / 6 + 1/2 in between. It is "
        "much cheaper than the sigmoid and used in mobile networks (MobileNetV3 gates). Its "
        "gradient is exactly 0 outside [-3, 3], so saturated units stop learning."
    ),
    "hardtanh": (
        "Clips the input to [min_val, max_val], a piecewise-linear tanh. Cheap, and useful to "
        "keep activations in a fixed range, for example in quantised networks. Outside the "
        "range the slope is 0, so clipped units get no gradient."
    ),
    "hardswish": (
        "A piecewise version of swish: x * relu6(x + 3) / 6, introduced with MobileNetV3 to "
        "save the cost of a sigmoid on phones. It is 0 below -3, x above 3 and a parabola in "
        "between. Its slope jumps at -3 and 3, and it is not monotonic."
    ),
    "threshold": (
        "Keeps x where x is above threshold and replaces everything else with value. With "
        "both at 0 it is ReLU; other settings make a gate or a step. It is discontinuous "
        "unless value equals threshold, and the replaced region has zero gradient."
    ),
    # -- shrink --------------------------------------------------------------------------
    "softshrink": (
        "Soft thresholding: moves every input lambd closer to 0 and sets [-lambd, lambd] to 0. "
        "It is the proximal step of L1 regularisation, used in sparse coding and denoising. "
        "Small inputs get no gradient, and all outputs are biased towards 0."
    ),
    "hardshrink": (
        "Hard thresholding: keeps x where |x| > lambd and sets the rest to 0. It zeroes small "
        "coefficients without shrinking the large ones, as in wavelet denoising. It jumps at "
        "+-lambd and the zeroed inputs get no gradient."
    ),
    "tanhshrink": (
        "x - tanh(x): nearly flat around 0 (it grows like x^3 / 3) and parallel to the "
        "identity far from 0. It suppresses small inputs smoothly and shows up in sparse "
        "coding experiments. It is rarely used in mainstream networks."
    ),
    # -- other ---------------------------------------------------------------------------
    "logsigmoid": (
        "The logarithm of the sigmoid, computed stably as -softplus(-x). It appears in "
        "losses (binary cross-entropy, word2vec's negative sampling) more than as a layer "
        "activation. It is always negative and unbounded below; taking log(sigmoid(x)) "
        "naively instead gives -inf for large negative x."
    ),
    "gaussian": (
        "The bell curve exp(-x^2): 1 at 0, fading to 0 on both sides. It is the activation of "
        "radial basis function networks, where a unit responds only near its centre. It is "
        "not monotonic and its gradient vanishes away from 0, so plain networks train slowly "
        "with it."
    ),
    "sine": (
        "sin(x), periodic and zero-centred. Networks of sine units (SIREN) represent images, "
        "sounds and shapes as continuous signals with fine detail. They need a carefully "
        "scaled initialisation; the many equally good optima make training erratic otherwise."
    ),
    "arctan": (
        "The inverse tangent, an S-curve into (-pi/2, pi/2). Like softsign it approaches its "
        "limits slowly (as 1/x), so it saturates more gently than tanh. Zero-centred and "
        "smooth, but seldom used in modern networks."
    ),
    "bent_identity": (
        "(sqrt(x^2 + 1) - 1) / 2 + x: a smooth curve with slope 1/2 far left and 3/2 far "
        "right, never flat. It keeps a gradient everywhere like leaky ReLU, without a kink. "
        "Unbounded in both directions and rarely used outside experiments."
    ),
}
